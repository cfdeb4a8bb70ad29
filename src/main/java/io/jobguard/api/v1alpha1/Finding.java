package io.jobguard.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One rule that fired on one subject (SPEC §5.1), in the subject's namespace. It has no owner
 * reference to its subject on purpose: evidence must outlive a Job that deletes itself.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Plural("findings")
@Singular("finding")
@ShortNames("jgf")
@Categories(ApiGroup.CATEGORY)
@AdditionalPrinterColumn(name = "Severity", jsonPath = ".spec.rule.severity")
@AdditionalPrinterColumn(name = "Rule", jsonPath = ".spec.rule.id")
@AdditionalPrinterColumn(name = "Kind", jsonPath = ".spec.subject.kind")
@AdditionalPrinterColumn(name = "Subject", jsonPath = ".spec.subject.name")
@AdditionalPrinterColumn(
    name = "Count",
    jsonPath = ".status.count",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Last Seen",
    jsonPath = ".status.lastSeen",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Finding extends CustomResource<FindingSpec, FindingStatus> implements Namespaced {}
