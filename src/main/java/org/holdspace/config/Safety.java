package org.holdspace.config;

import java.util.List;
import java.util.Optional;

/**
 * How risk alerts are followed up: an alert still open this many minutes after it was raised is escalated; the
 * crisis resources a member who asks for help is shown; the on-call address that escalations also go to; the
 * address the web client is reached at, for links in e-mails (empty: links are paths only).
 */
public record Safety(double escalationMinutes, List<CrisisResource> crisisResources, Optional<String> oncallEmail,
                     String publicUrl) {
}

