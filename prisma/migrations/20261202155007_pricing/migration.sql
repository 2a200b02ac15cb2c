-- CreateTable
CREATE TABLE "PriceCard" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT,
    "currency" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "importedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PriceCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceRate" (
    "cardId" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "fromVolume" INTEGER NOT NULL DEFAULT 0,
    "rateMicros" INTEGER NOT NULL,

    CONSTRAINT "PriceRate_pkey" PRIMARY KEY ("cardId","market","category","fromVolume")
);

-- CreateTable
CREATE TABLE "MessageCost" (
    "wamid" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "market" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "pricingType" TEXT NOT NULL,
    "costMicros" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "cardId" TEXT,

    CONSTRAINT "MessageCost_pkey" PRIMARY KEY ("wamid")
);

-- CreateTable
CREATE TABLE "PricingVolume" (
    "workspaceId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "market" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "PricingVolume_pkey" PRIMARY KEY ("workspaceId","month","market","category")
);

-- CreateTable
CREATE TABLE "MetaPricingDay" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "country" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "pricingType" TEXT NOT NULL,
    "volume" INTEGER NOT NULL,
    "costMicros" INTEGER NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetaPricingDay_pkey" PRIMARY KEY ("workspaceId","day","country","category","pricingType")
);

-- CreateIndex
CREATE INDEX "PriceCard_workspaceId_effectiveFrom_idx" ON "PriceCard"("workspaceId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "MessageCost_workspaceId_occurredAt_idx" ON "MessageCost"("workspaceId", "occurredAt");

-- AddForeignKey
ALTER TABLE "PriceRate" ADD CONSTRAINT "PriceRate_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "PriceCard"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The shipped rate cards (docs/pricing.md): per-message rates in USD from 1 July 2025 (Meta's per-message
-- pricing), and from 1 October 2026, when Meta bills service messages at the market's utility rate.
INSERT INTO "PriceCard" (id, "workspaceId", currency, "effectiveFrom", source) VALUES ('shipped-2025-07-01', NULL, 'USD', '2025-07-01', 'shipped');
INSERT INTO "PriceRate" ("cardId", market, category, "fromVolume", "rateMicros") VALUES
  ('shipped-2025-07-01', 'North America', 'MARKETING', 0, 25000),
  ('shipped-2025-07-01', 'North America', 'UTILITY', 0, 4000),
  ('shipped-2025-07-01', 'North America', 'AUTHENTICATION', 0, 13500),
  ('shipped-2025-07-01', 'Brazil', 'MARKETING', 0, 62500),
  ('shipped-2025-07-01', 'Brazil', 'UTILITY', 0, 6800),
  ('shipped-2025-07-01', 'Brazil', 'AUTHENTICATION', 0, 31500),
  ('shipped-2025-07-01', 'Mexico', 'MARKETING', 0, 30500),
  ('shipped-2025-07-01', 'Mexico', 'UTILITY', 0, 8500),
  ('shipped-2025-07-01', 'Mexico', 'AUTHENTICATION', 0, 23900),
  ('shipped-2025-07-01', 'Colombia', 'MARKETING', 0, 12500),
  ('shipped-2025-07-01', 'Colombia', 'UTILITY', 0, 800),
  ('shipped-2025-07-01', 'Colombia', 'AUTHENTICATION', 0, 7700),
  ('shipped-2025-07-01', 'Argentina', 'MARKETING', 0, 61800),
  ('shipped-2025-07-01', 'Argentina', 'UTILITY', 0, 26000),
  ('shipped-2025-07-01', 'Argentina', 'AUTHENTICATION', 0, 36000),
  ('shipped-2025-07-01', 'Spain', 'MARKETING', 0, 61500),
  ('shipped-2025-07-01', 'Spain', 'UTILITY', 0, 20000),
  ('shipped-2025-07-01', 'Spain', 'AUTHENTICATION', 0, 33800),
  ('shipped-2025-07-01', 'United Kingdom', 'MARKETING', 0, 52900),
  ('shipped-2025-07-01', 'United Kingdom', 'UTILITY', 0, 22000),
  ('shipped-2025-07-01', 'United Kingdom', 'AUTHENTICATION', 0, 35800),
  ('shipped-2025-07-01', 'Germany', 'MARKETING', 0, 136500),
  ('shipped-2025-07-01', 'Germany', 'UTILITY', 0, 55000),
  ('shipped-2025-07-01', 'Germany', 'AUTHENTICATION', 0, 76800),
  ('shipped-2025-07-01', 'France', 'MARKETING', 0, 85900),
  ('shipped-2025-07-01', 'France', 'UTILITY', 0, 30000),
  ('shipped-2025-07-01', 'France', 'AUTHENTICATION', 0, 68800),
  ('shipped-2025-07-01', 'Italy', 'MARKETING', 0, 69100),
  ('shipped-2025-07-01', 'Italy', 'UTILITY', 0, 30000),
  ('shipped-2025-07-01', 'Italy', 'AUTHENTICATION', 0, 37800),
  ('shipped-2025-07-01', 'India', 'MARKETING', 0, 10700),
  ('shipped-2025-07-01', 'India', 'UTILITY', 0, 1400),
  ('shipped-2025-07-01', 'India', 'AUTHENTICATION', 0, 1400),
  ('shipped-2025-07-01', 'Indonesia', 'MARKETING', 0, 41100),
  ('shipped-2025-07-01', 'Indonesia', 'UTILITY', 0, 20000),
  ('shipped-2025-07-01', 'Indonesia', 'AUTHENTICATION', 0, 25000),
  ('shipped-2025-07-01', 'Nigeria', 'MARKETING', 0, 51600),
  ('shipped-2025-07-01', 'Nigeria', 'UTILITY', 0, 6700),
  ('shipped-2025-07-01', 'Nigeria', 'AUTHENTICATION', 0, 23200),
  ('shipped-2025-07-01', 'South Africa', 'MARKETING', 0, 37900),
  ('shipped-2025-07-01', 'South Africa', 'UTILITY', 0, 7600),
  ('shipped-2025-07-01', 'South Africa', 'AUTHENTICATION', 0, 17600),
  ('shipped-2025-07-01', 'United Arab Emirates', 'MARKETING', 0, 38400),
  ('shipped-2025-07-01', 'United Arab Emirates', 'UTILITY', 0, 15700),
  ('shipped-2025-07-01', 'United Arab Emirates', 'AUTHENTICATION', 0, 17800),
  ('shipped-2025-07-01', 'Other', 'MARKETING', 0, 60400),
  ('shipped-2025-07-01', 'Other', 'UTILITY', 0, 7700),
  ('shipped-2025-07-01', 'Other', 'AUTHENTICATION', 0, 22400);

INSERT INTO "PriceCard" (id, "workspaceId", currency, "effectiveFrom", source) VALUES ('shipped-2026-10-01', NULL, 'USD', '2026-10-01', 'shipped');
INSERT INTO "PriceRate" ("cardId", market, category, "fromVolume", "rateMicros") VALUES
  ('shipped-2026-10-01', 'North America', 'MARKETING', 0, 25000),
  ('shipped-2026-10-01', 'North America', 'UTILITY', 0, 4000),
  ('shipped-2026-10-01', 'North America', 'AUTHENTICATION', 0, 13500),
  ('shipped-2026-10-01', 'North America', 'SERVICE', 0, 4000),
  ('shipped-2026-10-01', 'Brazil', 'MARKETING', 0, 62500),
  ('shipped-2026-10-01', 'Brazil', 'UTILITY', 0, 6800),
  ('shipped-2026-10-01', 'Brazil', 'AUTHENTICATION', 0, 31500),
  ('shipped-2026-10-01', 'Brazil', 'SERVICE', 0, 6800),
  ('shipped-2026-10-01', 'Mexico', 'MARKETING', 0, 30500),
  ('shipped-2026-10-01', 'Mexico', 'UTILITY', 0, 8500),
  ('shipped-2026-10-01', 'Mexico', 'AUTHENTICATION', 0, 23900),
  ('shipped-2026-10-01', 'Mexico', 'SERVICE', 0, 8500),
  ('shipped-2026-10-01', 'Colombia', 'MARKETING', 0, 12500),
  ('shipped-2026-10-01', 'Colombia', 'UTILITY', 0, 800),
  ('shipped-2026-10-01', 'Colombia', 'AUTHENTICATION', 0, 7700),
  ('shipped-2026-10-01', 'Colombia', 'SERVICE', 0, 800),
  ('shipped-2026-10-01', 'Argentina', 'MARKETING', 0, 61800),
  ('shipped-2026-10-01', 'Argentina', 'UTILITY', 0, 26000),
  ('shipped-2026-10-01', 'Argentina', 'AUTHENTICATION', 0, 36000),
  ('shipped-2026-10-01', 'Argentina', 'SERVICE', 0, 26000),
  ('shipped-2026-10-01', 'Spain', 'MARKETING', 0, 61500),
  ('shipped-2026-10-01', 'Spain', 'UTILITY', 0, 20000),
  ('shipped-2026-10-01', 'Spain', 'AUTHENTICATION', 0, 33800),
  ('shipped-2026-10-01', 'Spain', 'SERVICE', 0, 20000),
  ('shipped-2026-10-01', 'United Kingdom', 'MARKETING', 0, 52900),
  ('shipped-2026-10-01', 'United Kingdom', 'UTILITY', 0, 22000),
  ('shipped-2026-10-01', 'United Kingdom', 'AUTHENTICATION', 0, 35800),
  ('shipped-2026-10-01', 'United Kingdom', 'SERVICE', 0, 22000),
  ('shipped-2026-10-01', 'Germany', 'MARKETING', 0, 136500),
  ('shipped-2026-10-01', 'Germany', 'UTILITY', 0, 55000),
  ('shipped-2026-10-01', 'Germany', 'AUTHENTICATION', 0, 76800),
  ('shipped-2026-10-01', 'Germany', 'SERVICE', 0, 55000),
  ('shipped-2026-10-01', 'France', 'MARKETING', 0, 85900),
  ('shipped-2026-10-01', 'France', 'UTILITY', 0, 30000),
  ('shipped-2026-10-01', 'France', 'AUTHENTICATION', 0, 68800),
  ('shipped-2026-10-01', 'France', 'SERVICE', 0, 30000),
  ('shipped-2026-10-01', 'Italy', 'MARKETING', 0, 69100),
  ('shipped-2026-10-01', 'Italy', 'UTILITY', 0, 30000),
  ('shipped-2026-10-01', 'Italy', 'AUTHENTICATION', 0, 37800),
  ('shipped-2026-10-01', 'Italy', 'SERVICE', 0, 30000),
  ('shipped-2026-10-01', 'India', 'MARKETING', 0, 10700),
  ('shipped-2026-10-01', 'India', 'UTILITY', 0, 1400),
  ('shipped-2026-10-01', 'India', 'AUTHENTICATION', 0, 1400),
  ('shipped-2026-10-01', 'India', 'SERVICE', 0, 1400),
  ('shipped-2026-10-01', 'Indonesia', 'MARKETING', 0, 41100),
  ('shipped-2026-10-01', 'Indonesia', 'UTILITY', 0, 20000),
  ('shipped-2026-10-01', 'Indonesia', 'AUTHENTICATION', 0, 25000),
  ('shipped-2026-10-01', 'Indonesia', 'SERVICE', 0, 20000),
  ('shipped-2026-10-01', 'Nigeria', 'MARKETING', 0, 51600),
  ('shipped-2026-10-01', 'Nigeria', 'UTILITY', 0, 6700),
  ('shipped-2026-10-01', 'Nigeria', 'AUTHENTICATION', 0, 23200),
  ('shipped-2026-10-01', 'Nigeria', 'SERVICE', 0, 6700),
  ('shipped-2026-10-01', 'South Africa', 'MARKETING', 0, 37900),
  ('shipped-2026-10-01', 'South Africa', 'UTILITY', 0, 7600),
  ('shipped-2026-10-01', 'South Africa', 'AUTHENTICATION', 0, 17600),
  ('shipped-2026-10-01', 'South Africa', 'SERVICE', 0, 7600),
  ('shipped-2026-10-01', 'United Arab Emirates', 'MARKETING', 0, 38400),
  ('shipped-2026-10-01', 'United Arab Emirates', 'UTILITY', 0, 15700),
  ('shipped-2026-10-01', 'United Arab Emirates', 'AUTHENTICATION', 0, 17800),
  ('shipped-2026-10-01', 'United Arab Emirates', 'SERVICE', 0, 15700),
  ('shipped-2026-10-01', 'Other', 'MARKETING', 0, 60400),
  ('shipped-2026-10-01', 'Other', 'UTILITY', 0, 7700),
  ('shipped-2026-10-01', 'Other', 'AUTHENTICATION', 0, 22400),
  ('shipped-2026-10-01', 'Other', 'SERVICE', 0, 7700);
