package dev.modelfleet.serving;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The objects that serve one model: the engine Deployment, its Service and its model cache. */
public record ServingManifests(
    Deployment deployment, Service service, PersistentVolumeClaim cacheClaim) {}
