// What the WhatsApp settings page does: save the connection, test it, send one test template.
// Errors from Meta come back as a sentence the admin can act on, never as a raw API error.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/service";
import { assertConsent } from "@/lib/consent/eligibility";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { forgetWebhookSecrets } from "@/lib/webhooks/ingest";
import type { AccountInput, TestMessageInput } from "@/lib/whatsapp/account-schemas";
import { checkGraphApiBase, clientFor, refreshPhoneHealth, saveAccount } from "@/lib/whatsapp/accounts";
import { WhatsAppApiError } from "@/lib/whatsapp/client";
import type { TemplateSendComponent } from "@/lib/whatsapp/schemas";

function explain(error: unknown): never {
  if (error instanceof WhatsAppApiError) {
    const { explanation: reason } = error.classification;
    throw new ValidationError(
      error.details
        ? messageKey("cloudApi.metaErrorDetails", { reason, code: error.code, details: error.details })
        : messageKey("cloudApi.metaError", { reason, code: error.code }),
    );
  }
  throw error;
}

export async function updateConnection(workspaceId: string, actorId: string, input: AccountInput) {
  const existing = await db.whatsAppAccount.findUnique({ where: { workspaceId }, select: { id: true } });
  if (!existing && (!input.accessToken || !input.appSecret || !input.verifyToken)) {
    throw new ValidationError(messageKey("settings.errors.whatsapp.newConnection"), {
      ...(input.accessToken ? {} : { accessToken: [messageKey("settings.errors.whatsapp.accessToken")] }),
      ...(input.appSecret ? {} : { appSecret: [messageKey("settings.errors.whatsapp.appSecret")] }),
      ...(input.verifyToken ? {} : { verifyToken: [messageKey("settings.errors.whatsapp.verifyToken")] }),
    });
  }
  const baseChange = await checkGraphApiBase(workspaceId, input);
  // A connection moved to another address is a real one; saved where it was, the sandbox stays the sandbox
  // (the launcher points it at the sandbox's new port on every start only while it is marked so).
  const saved = await saveAccount(workspaceId, input, baseChange ? { isSandbox: false } : {});
  forgetWebhookSecrets();
  await recordAudit(workspaceId, actorId, {
    action: "whatsapp.connection_updated",
    targetType: "whatsapp_account",
    // Which secrets changed, never their values.
    details: {
      phoneNumberId: input.phoneNumberId,
      wabaId: input.wabaId,
      changedSecrets: (["accessToken", "appSecret", "verifyToken"] as const).filter((k) => input[k]),
      ...(baseChange ? { graphApiBase: baseChange } : {}),
      ...(saved.version ? { graphApiVersion: saved.version } : {}),
    },
  });
}

export async function testConnection(workspaceId: string) {
  try {
    const health = await refreshPhoneHealth(workspaceId);
    if (!health) throw new NotFoundError("whatsappConnection");
    return {
      displayPhoneNumber: health.display_phone_number ?? null,
      verifiedName: health.verified_name ?? null,
      quality: health.quality_rating ?? null,
      throughput: health.throughput?.level ?? null,
      messagingLimit: health.whatsapp_business_manager_messaging_limit ?? null,
    };
  } catch (error) {
    explain(error);
  }
}

type TemplateComponent = {
  type: string;
  format?: string;
  text?: string;
  example?: { body_text?: string[][]; header_text?: string[] };
  buttons?: { type: string; url?: string; example?: string[] | string }[];
};

/** The send-time components of a template, filled with the samples it was approved with. */
export function sampleComponents(components: TemplateComponent[]): TemplateSendComponent[] {
  const out: TemplateSendComponent[] = [];
  for (const c of components) {
    const type = c.type.toUpperCase();
    if (type === "HEADER" && c.format?.toUpperCase() === "IMAGE") {
      out.push({
        type: "header",
        parameters: [{ type: "image", image: { link: "https://placehold.co/800x418.png" } }],
      });
    } else if (type === "HEADER" && c.example?.header_text?.length) {
      out.push({ type: "header", parameters: c.example.header_text.map((text) => ({ type: "text" as const, text })) });
    } else if (type === "BODY" && c.example?.body_text?.[0]?.length) {
      out.push({ type: "body", parameters: c.example.body_text[0].map((text) => ({ type: "text" as const, text })) });
    } else if (type === "BUTTONS") {
      c.buttons?.forEach((b, index) => {
        const example = Array.isArray(b.example) ? b.example[0] : b.example;
        if (b.type.toUpperCase() === "URL" && b.url?.includes("{{") && example) {
          out.push({
            type: "button",
            sub_type: "url",
            index: String(index),
            parameters: [{ type: "text", text: example }],
          });
        }
        // Meta refuses a copy-code template sent without its code: the sample code stands in for a test.
        if (b.type.toUpperCase() === "COPY_CODE" && example) {
          out.push({
            type: "button",
            sub_type: "copy_code",
            index: String(index),
            parameters: [{ type: "coupon_code", coupon_code: example }],
          });
        }
      });
    }
  }
  return out;
}

/** One approved template to one number, filled with its samples: a check that sending works end to end. */
export async function sendTestMessage(workspaceId: string, actorId: string, input: TestMessageInput) {
  const template = await db.template.findFirst({
    where: { id: input.templateId, workspaceId, status: "APPROVED" },
    select: { name: true, language: true, components: true, category: true },
  });
  if (!template)
    throw new ValidationError(messageKey("settings.errors.whatsapp.templateNotApproved"), {
      templateId: [messageKey("settings.errors.whatsapp.template")],
    });
  // A test is a real message to a real person: the consent rule applies to it as to any send.
  const phone = `+${input.to.replace(/^\+/, "")}`;
  const contact = await db.contact.findUnique({
    where: { workspaceId_phone: { workspaceId, phone } },
    select: { id: true },
  });
  await assertConsent(workspaceId, contact?.id ?? null, template.category, {
    who: contact ? phone : messageKey("errors.consent.notAContact", { phone }),
    field: "to",
  });
  const client = await clientFor(workspaceId);
  if (!client) throw new ValidationError(messageKey("settings.errors.whatsapp.connectFirst"));
  try {
    const response = await client.sendMessage({
      messaging_product: "whatsapp",
      to: input.to.replace(/^\+/, ""),
      type: "template",
      biz_opaque_callback_data: `test:${randomUUID()}`,
      template: {
        name: template.name,
        language: { code: template.language },
        components: sampleComponents(template.components as TemplateComponent[]),
      },
    });
    await recordAudit(workspaceId, actorId, {
      action: "whatsapp.test_message_sent",
      targetType: "template",
      details: { template: template.name, to: input.to },
    });
    return { wamid: response.messages[0]!.id };
  } catch (error) {
    explain(error);
  }
}
