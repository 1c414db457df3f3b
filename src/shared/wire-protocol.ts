/** Web mode's WebSocket sub-protocols (wire.ts has the frames), without zod: the server takes them before it loads the contract. */
export const WIRE_PROTOCOL = 'sellerguard.v1'
/** A session token travels as a second WebSocket sub-protocol, never in a URL the server logs. */
export const TOKEN_PROTOCOL_PREFIX = 'token.'
/** The printed link's one-time code, offered the same way on a tab's first connection. */
export const CODE_PROTOCOL_PREFIX = 'code.'
/** Where a tab keeps its session token (sessionStorage): reloads and reconnects offer it instead of the spent code. */
export const SESSION_TOKEN_KEY = 'sellerguard.token'
