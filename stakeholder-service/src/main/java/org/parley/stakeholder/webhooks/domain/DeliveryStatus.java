package org.parley.stakeholder.webhooks.domain;

/** PENDING until a 2xx (DELIVERED) or the last attempt of its budget (FAILED); a redelivery makes it PENDING again. */
public enum DeliveryStatus { PENDING, DELIVERED, FAILED }
