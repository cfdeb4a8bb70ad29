package io.jobguard.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Puts printer columns in the order the class declares them: the generator sorts them by JSON path,
 * but kubectl shows them in list order and SPEC §5.1 fixes it (SEVERITY, RULE, KIND, ...).
 */
final class PrinterColumnOrder implements CRDPostProcessor {
  private final Map<String, Class<?>> classByKind;

  PrinterColumnOrder(Class<?>... resources) {
    this.classByKind =
        Arrays.stream(resources)
            .collect(java.util.stream.Collectors.toMap(Class::getSimpleName, c -> c));
  }

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    if (crd instanceof CustomResourceDefinition definition) {
      Class<?> resource = classByKind.get(definition.getSpec().getNames().getKind());
      if (resource != null) {
        List<String> declared =
            Arrays.stream(resource.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name)
                .toList();
        for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
          List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
          if (columns != null) {
            columns.sort(
                Comparator.comparingInt(
                    (CustomResourceColumnDefinition c) -> declared.indexOf(c.getName())));
          }
        }
      }
    }
    return crd;
  }
}
