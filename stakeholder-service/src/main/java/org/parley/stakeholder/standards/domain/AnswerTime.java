package org.parley.stakeholder.standards.domain;

/**
 * How long a company has to answer a request of one type. An advisory time is a recommendation
 * (a referral: the company decides under its own terms), never a legal deadline.
 */
public record AnswerTime(RequestType type, long minutes, boolean advisory) {}
