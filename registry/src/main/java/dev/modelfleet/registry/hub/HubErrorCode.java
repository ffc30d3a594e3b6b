package dev.modelfleet.registry.hub;

/** Every way a Hub read can fail, as a stable code callers can branch on and show. */
public enum HubErrorCode {
  /** 404, or a 401 the Hub marks RepoNotFound: no such repository, revision or file. */
  NOT_FOUND,
  /** 401 or 403: a private or gated repository the token (if any) may not read. */
  UNAUTHORIZED_OR_GATED,
  /** 5xx, 429 or another unexpected status: the Hub is down, busy or rate-limiting. */
  UNAVAILABLE,
  /** No answer: connection refused, DNS failure, TLS failure, timeout. */
  NETWORK,
  /** An answer that is not the JSON the documented API returns. */
  PARSE
}
