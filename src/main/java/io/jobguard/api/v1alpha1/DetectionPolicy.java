package io.jobguard.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.jobguard.policy.DetectionPolicySpec;

/**
 * Cluster-scoped tuning of detection (SPEC §5.2): profile, rule settings, allowed registries and
 * exceptions. The Helm chart installs one named {@code default}.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("detectionpolicies")
@Singular("detectionpolicy")
@ShortNames("jgp")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Profile", jsonPath = ".spec.profile")
@AdditionalPrinterColumn(
    name = "Valid",
    jsonPath = ".status.conditions[?(@.type==\"Valid\")].status")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class DetectionPolicy extends CustomResource<DetectionPolicySpec, DetectionPolicyStatus> {}
