/** The hub's own source (API clients, audit log, feed cursors, rollups); the departments' sources are named after them. */
export const HUB_SOURCE = 'hub';
