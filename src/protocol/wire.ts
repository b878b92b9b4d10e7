/**
 * What a page needs of the protocol at run time, apart from types: kept apart from the command schemas
 * (valibot), which only the background validates with, so a page's bundle does not carry them.
 */
export const EVENTS_PORT_NAME = 'dpt/events';
