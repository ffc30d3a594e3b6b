package dev.modelfleet.serving.client;

/** Why a call to an engine failed; a small, stable set callers can branch on. */
public enum EngineErrorCode {
  /** No connection: refused, reset, DNS failure, or the stream broke off. */
  UNREACHABLE,
  /** Connecting, the response, or (for a pull) the next progress line took too long. */
  TIMEOUT,
  /** HTTP 404, or the engine says the model does not exist. */
  NOT_FOUND,
  /** HTTP 401 or 403: a missing or wrong API key or token. */
  UNAUTHORIZED,
  /** HTTP 5xx, or the engine reported a failure of its own. */
  SERVER_ERROR,
  /** A status or body the engine API does not define: malformed JSON, missing fields, other 4xx. */
  BAD_RESPONSE
}
