package org.parley.request.lifecycle.domain;

/** The two parties of a request: the issuing authority and the target company. */
public enum Side {
    AUTHORITY,
    COMPANY
}
