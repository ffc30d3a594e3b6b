package dev.modelfleet.registry.cache;

import dev.modelfleet.registry.hub.HubModelInfo;
import java.time.Instant;

/**
 * What the Hub said about one repository at one revision, and when.
 *
 * @param repo repository id as asked for
 * @param revision the revision asked for ("main" when none was given)
 * @param fetchedAt when the Hub last confirmed these facts (a 200 or a 304)
 * @param info the model-info answer
 * @param infoEtag its ETag, for revalidation; null when the Hub sent none
 * @param config the config.json text; null when it could not be read
 * @param configEtag its ETag; null when none
 * @param configProblem why config.json could not be read, e.g. "UNAUTHORIZED_OR_GATED: ..."; null
 *     when it was read
 */
public record CachedHubAnswer(
    String repo,
    String revision,
    Instant fetchedAt,
    HubModelInfo info,
    String infoEtag,
    String config,
    String configEtag,
    String configProblem) {}
