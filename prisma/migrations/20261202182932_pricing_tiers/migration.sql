-- CreateTable
CREATE TABLE "PricingTier" (
    "workspaceId" TEXT NOT NULL,
    "wabaId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "market" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "fromVolume" INTEGER NOT NULL,
    "toVolume" INTEGER,
    "tier" TEXT NOT NULL,
    "reachedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PricingTier_pkey" PRIMARY KEY ("workspaceId","wabaId","month","market","category","fromVolume")
);

-- CreateIndex
CREATE INDEX "PricingTier_workspaceId_month_idx" ON "PricingTier"("workspaceId", "month");
