package io.jobguard.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The introspected volume sources read a volume exactly as its serialised form does. */
class RestrictedVolumeSourcesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"v\"}",
        "{\"name\":\"v\",\"emptyDir\":{}}",
        "{\"name\":\"v\",\"hostPath\":{\"path\":\"/etc/cron.d\"}}",
        "{\"name\":\"v\",\"nfs\":{\"server\":\"s\",\"path\":\"/\"}}",
        "{\"name\":\"v\",\"gitRepo\":{\"repository\":\"r\"}}",
        "{\"name\":\"v\",\"configMap\":{\"name\":\"c\"},\"rbd\":{\"image\":\"i\"}}",
        "{\"name\":\"v\",\"image\":{\"reference\":\"r\"}}",
        "{\"name\":\"v\",\"futureVolumeType\":{\"x\":1}}",
        "{\"name\":\"v\",\"futureVolumeType\":null,\"secret\":{}}",
        "{\"name\":\"v\",\"awsElasticBlockStore\":{},\"azureDisk\":{},\"cephfs\":{},\"cinder\":{},"
            + "\"fc\":{},\"flexVolume\":{},\"flocker\":{},\"gcePersistentDisk\":{},\"glusterfs\":{},"
            + "\"iscsi\":{},\"photonPersistentDisk\":{},\"portworxVolume\":{},\"quobyte\":{},"
            + "\"scaleIO\":{},\"storageos\":{},\"vsphereVolume\":{},\"azureFile\":{}}"
      })
  void agreesWithTheSerialisedForm(String json) throws Exception {
    Volume volume = JSON.readValue(json, Volume.class);
    assertThat(RestrictedVolumeTypesRule.disallowedSource(volume))
        .isEqualTo(fromSerialisedForm(volume));
  }

  @ParameterizedTest
  @ValueSource(strings = {"awsElasticBlockStore", "azureFile", "vsphereVolume", "storageos"})
  void eachInTreeSourceIsDisallowedOnItsOwn(String type) throws Exception {
    Volume volume = JSON.readValue("{\"name\":\"v\",\"" + type + "\":{}}", Volume.class);
    assertThat(RestrictedVolumeTypesRule.disallowedSource(volume)).contains(type);
  }

  /** What the rule read before: the volume converted to a map by Jackson. */
  @SuppressWarnings("unchecked")
  private static Optional<String> fromSerialisedForm(Volume volume) {
    Map<String, Object> fields = JSON.convertValue(volume, Map.class);
    return fields.entrySet().stream()
        .filter(e -> !e.getKey().equals("name") && e.getValue() != null)
        .map(Map.Entry::getKey)
        .filter(type -> !RestrictedVolumeTypesRule.ALLOWED_TYPES.contains(type))
        .sorted()
        .findFirst();
  }
}
