/**
 * The channels a survey link is shared through, as `?src=CODE` on the link. Every new inspection gets
 * these; responses keep the code only when it is one of the inspection's own.
 */
export const DEFAULT_CHANNELS = ["forum", "school", "council", "health", "social-media"] as const;
