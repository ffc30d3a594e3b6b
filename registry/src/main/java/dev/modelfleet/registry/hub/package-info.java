/**
 * A typed client for the Hugging Face Hub's public REST API: model info ({@code
 * /api/models/{repo}}) and config.json ({@code /{repo}/resolve/{revision}/config.json}), with
 * bearer tokens, a configurable endpoint, ETag revalidation and stable error codes.
 */
package dev.modelfleet.registry.hub;
