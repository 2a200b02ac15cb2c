/**
 * The name analytics gives the rows of a template that no longer exists (CSV exports keep it as it is;
 * the screens show their own words for it: analytics.deletedTemplate).
 */
export const DELETED_TEMPLATE = "(template deleted)";
