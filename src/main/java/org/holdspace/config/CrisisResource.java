package org.holdspace.config;

import java.util.Optional;

/** One place a member in crisis can turn to; any of phone, url and text may be absent. */
public record CrisisResource(String name, Optional<String> phone, Optional<String> url, Optional<String> text) {
}

