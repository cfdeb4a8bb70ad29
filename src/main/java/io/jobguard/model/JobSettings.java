package io.jobguard.model;

/**
 * The Job fields rules read, for a Job ({@code spec}) or a CronJob's job template ({@code
 * spec.jobTemplate.spec}).
 */
public record JobSettings(String path, Integer ttlSecondsAfterFinished) {

  public String field(String suffix) {
    return path + "." + suffix;
  }
}
