package org.parley.request.shared.domain;

/** Categories of user data a request may ask for. */
public enum DataCategory {
    SUBSCRIBER,
    TRAFFIC,
    CONTENT
}
