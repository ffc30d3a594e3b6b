package dev.modelfleet.ranker;
