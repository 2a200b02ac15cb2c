/** Where the browser fetches a library file, or its thumbnail (served to workspace members only). */
export function mediaUrl(id: string, thumbnail = false): string {
  return `/api/v1/media/${id}${thumbnail ? "?thumbnail=1" : ""}`;
}
