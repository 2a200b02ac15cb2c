// The events a person's own message becomes for journeys, and the trigger keys journeys are stored under
// (lib/journeys/service.ts, triggerKey) and looked up by (lib/journeys/engine.ts): one place, so the writer
// (lib/events/inbound-triggers.ts) and the readers cannot drift apart. Pure: the journey builder uses it too.

/** A message whose whole text is a journey's keyword. Properties: keyword, text, wamid. */
export const KEYWORD_EVENT = "$keyword";
/** A tap on a quick-reply button of a campaign's message. Properties: campaignId, button, wamid. */
export const BUTTON_EVENT = "$button_tapped";
/** A contact attribute's date came (lib/journeys/date-trigger.ts). Properties: journeyId, the attribute and its value. */
export const DATE_EVENT = "$date";
/** A person entered a segment a journey starts on (lib/journeys/segment-trigger.ts). Properties: journeyId, segmentId. */
export const SEGMENT_EVENT = "$segment";

/** The longest keyword a journey can start on. */
export const KEYWORD_MAX = 100;

/** A keyword as it is matched: trimmed, inner spaces collapsed, upper case ("join  now " → "JOIN NOW"). */
export const keywordOf = (text: string) => text.trim().replace(/\s+/g, " ").toUpperCase();
export const keywordTrigger = (keyword: string) => `keyword:${keywordOf(keyword)}`;
export const buttonTrigger = (campaignId: string, button: string) => `button:${campaignId}:${button.trim()}`;
export const dateTrigger = (journeyId: string) => `date:${journeyId}`;
export const segmentTrigger = (journeyId: string) => `segment:${journeyId}`;
