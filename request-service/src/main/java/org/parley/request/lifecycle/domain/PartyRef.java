package org.parley.request.lifecycle.domain;

import java.util.UUID;

/** A party of a request as it was when the request was submitted: id, public name and country. */
public record PartyRef(UUID id, String name, String country) {}
