package io.jobguard.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplate;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns any typed pod-carrying object into a {@link Workload}; other objects yield empty. */
public final class WorkloadFactory {
  /** Namespace of a manifest that names none, as kubectl would apply it. */
  public static final String DEFAULT_NAMESPACE = "default";

  private WorkloadFactory() {}

  public static Optional<Workload> from(HasMetadata object) {
    if (object == null) {
      return Optional.empty();
    }
    if (object instanceof Pod pod) {
      return Optional.of(build(pod, "spec", pod.getSpec(), pod.getMetadata(), null, null));
    }
    if (object instanceof Job job) {
      JobSpec spec = job.getSpec();
      return Optional.of(jobLike(job, "spec", spec, null));
    }
    if (object instanceof CronJob cronJob) {
      var spec = cronJob.getSpec();
      JobTemplateSpec template = spec == null ? null : spec.getJobTemplate();
      CronSchedule schedule =
          spec == null
              ? null
              : new CronSchedule(
                  spec.getSchedule(),
                  spec.getTimeZone(),
                  spec.getSuccessfulJobsHistoryLimit(),
                  spec.getFailedJobsHistoryLimit());
      return Optional.of(
          jobLike(
              cronJob,
              "spec.jobTemplate.spec",
              template == null ? null : template.getSpec(),
              schedule));
    }
    if (object instanceof io.fabric8.kubernetes.api.model.batch.v1beta1.CronJob legacy) {
      return Optional.of(fromLegacyCronJob(legacy));
    }
    if (!isController(object)) {
      return Optional.empty();
    }
    PodTemplateSpec template = templateOf(object);
    return Optional.of(
        build(object, templatePath(object), specOf(template), metaOf(template), null, null));
  }

  private static Workload fromLegacyCronJob(
      io.fabric8.kubernetes.api.model.batch.v1beta1.CronJob c) {
    var spec = c.getSpec();
    var template = spec == null ? null : spec.getJobTemplate();
    var jobSpec = template == null ? null : template.getSpec();
    CronSchedule schedule =
        spec == null
            ? null
            : new CronSchedule(
                spec.getSchedule(),
                null, // batch/v1beta1 has no timeZone field; CRON_TZ= in the schedule still works
                spec.getSuccessfulJobsHistoryLimit(),
                spec.getFailedJobsHistoryLimit());
    PodTemplateSpec pod = jobSpec == null ? null : jobSpec.getTemplate();
    JobSettings job =
        new JobSettings(
            "spec.jobTemplate.spec", jobSpec == null ? null : jobSpec.getTtlSecondsAfterFinished());
    return build(c, "spec.jobTemplate.spec.template.spec", specOf(pod), metaOf(pod), schedule, job);
  }

  private static Workload jobLike(
      HasMetadata object, String jobPath, JobSpec spec, CronSchedule schedule) {
    PodTemplateSpec pod = spec == null ? null : spec.getTemplate();
    JobSettings job =
        new JobSettings(jobPath, spec == null ? null : spec.getTtlSecondsAfterFinished());
    return build(object, jobPath + ".template.spec", specOf(pod), metaOf(pod), schedule, job);
  }

  private static boolean isController(HasMetadata object) {
    return object instanceof Deployment
        || object instanceof StatefulSet
        || object instanceof DaemonSet
        || object instanceof ReplicaSet
        || object instanceof ReplicationController
        || object instanceof PodTemplate;
  }

  private static PodTemplateSpec templateOf(HasMetadata object) {
    if (object instanceof Deployment d) {
      return d.getSpec() == null ? null : d.getSpec().getTemplate();
    }
    if (object instanceof StatefulSet s) {
      return s.getSpec() == null ? null : s.getSpec().getTemplate();
    }
    if (object instanceof DaemonSet d) {
      return d.getSpec() == null ? null : d.getSpec().getTemplate();
    }
    if (object instanceof ReplicaSet r) {
      return r.getSpec() == null ? null : r.getSpec().getTemplate();
    }
    if (object instanceof ReplicationController r) {
      return r.getSpec() == null ? null : r.getSpec().getTemplate();
    }
    if (object instanceof PodTemplate p) {
      return p.getTemplate();
    }
    return null;
  }

  private static String templatePath(HasMetadata object) {
    return object instanceof PodTemplate ? "template.spec" : "spec.template.spec";
  }

  private static PodSpec specOf(PodTemplateSpec template) {
    return template == null ? null : template.getSpec();
  }

  private static ObjectMeta metaOf(PodTemplateSpec template) {
    return template == null ? null : template.getMetadata();
  }

  private static Workload build(
      HasMetadata object,
      String specPath,
      PodSpec spec,
      ObjectMeta templateMeta,
      CronSchedule schedule,
      JobSettings job) {
    ObjectMeta meta = object.getMetadata() == null ? new ObjectMeta() : object.getMetadata();
    String namespace =
        meta.getNamespace() == null || meta.getNamespace().isBlank()
            ? DEFAULT_NAMESPACE
            : meta.getNamespace();
    ObjectRef subject =
        new ObjectRef(
            object.getApiVersion(), object.getKind(), namespace, meta.getName(), meta.getUid());
    PodSpecView view = new PodSpecView(specPath, spec, templateMeta);
    String serviceAccount = view.spec().getServiceAccountName();
    return new Workload(
        subject,
        orEmpty(meta.getLabels()),
        orEmpty(meta.getAnnotations()),
        meta.getOwnerReferences() == null ? List.of() : meta.getOwnerReferences(),
        serviceAccount == null || serviceAccount.isBlank() ? "default" : serviceAccount,
        view,
        Optional.ofNullable(schedule),
        Optional.ofNullable(job));
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
