package io.jobguard.model;

/** The scheduling fields of a CronJob (batch/v1 or batch/v1beta1). */
public record CronSchedule(
    String schedule,
    String timeZone,
    Integer successfulJobsHistoryLimit,
    Integer failedJobsHistoryLimit) {}
