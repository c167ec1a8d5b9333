package io.gomap4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gomap4j.api.BytesGoMap;
import io.gomap4j.api.GoType;
import io.gomap4j.engine.GoMaps;
import io.gomap4j.engine.Plugins;
import io.gomap4j.engine.internal.KeyAlg;
import io.gomap4j.engine.internal.MapInternals;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.PlatformLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key hashes of {@link io.gomap4j.api.BytesGoMap} for key types Go does not hash as one block
 * of memory (floats, complex numbers, padded and blank-field structs, arrays of those) match Go
 * 1.19's own key hashers, with the real hash providers on both the fallback and the AES path.
 *
 * <p>The vectors ({@code src/test/resources/vectors/keyhash/}) are this project's own, made by
 * {@code src/test/go/keyhash} (see its header for how to run it) with go1.19; they are separate
 * from the shared Go vectors.
 */
class KeyHashVectorsTest {

  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|\\d+)");

  private static Map<String, String> parse(String line) {
    Map<String, String> o = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      o.put(m.group(1), m.group(2).replace("\"", ""));
    }
    return o;
  }

  private static List<Map<String, String>> vectors(String goarch) throws IOException {
    List<Map<String, String>> out = new ArrayList<>();
    String name = "/vectors/keyhash/" + goarch + ".jsonl";
    try (InputStream in = KeyHashVectorsTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(parse(line));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"amd64", "386"})
  @DisplayName("Float, complex, padded and blank-field key types hash as Go 1.19's key hashers")
  void matchesGo(String goarch) throws IOException {
    Plugins plugins = Plugins.discovered();
    PlatformLayout layout = plugins.layout(goarch);
    List<Map<String, String>> vs = vectors(goarch);
    Map<String, Hasher> hashers = new LinkedHashMap<>();
    Set<String> types = new LinkedHashSet<>();
    Set<String> algs = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    for (Map<String, String> v : vs) {
      String alg = v.get("alg");
      Hasher h = hashers.computeIfAbsent(alg + v.get("keysched") + v.get("hashkey"),
          k -> plugins.hash(alg.equals("aeshash") ? "aeshash-go119" : "memhash-go119")
              .create(layout.platform(), KeyMaterial.fromHex(v.get("keysched"), v.get("hashkey"))));
      GoType type = GoType.parse(v.get("type"));
      KeyAlg ka = KeyAlg.of(type, layout);
      byte[] key = HexFormat.of().parseHex(v.get("key"));
      assertThat(key).as(v.get("type")).hasSize(ka.size());
      long seed = Long.parseUnsignedLong(v.get("seed"), 16);
      long want = Long.parseUnsignedLong(v.get("hash"), 16);
      long got = ka.hash(h, key, 0, seed, () -> {
        throw new AssertionError("no NaN in the vectors");
      });
      if (got != want) {
        failures.add(alg + " " + ka + " key " + v.get("key") + ": got " + Long.toHexString(got)
            + ", Go " + Long.toHexString(want));
      }
      types.add(v.get("type"));
      algs.add(alg);
    }
    assertThat(failures).isEmpty();
    assertThat(vs).hasSizeGreaterThanOrEqualTo(400);
    assertThat(types).hasSizeGreaterThanOrEqualTo(35);
    assertThat(algs).containsExactlyInAnyOrder("memhash", "aeshash");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"amd64", "386"})
  @DisplayName("A NaN hashes as alg.go's c1 * (c0 ^ h ^ fastrand()), with the map's fastrand")
  void nanHash(String goarch) {
    Plugins plugins = Plugins.discovered();
    PlatformLayout layout = plugins.layout(goarch);
    boolean is64 = layout.platform().ptrSize() == 8;
    for (String provider : List.of("memhash-go119", "aeshash-go119")) {
      Hasher h = plugins.hash(provider).create(layout.platform(), KeyMaterial.fromHex(
          "00".repeat(is64 ? 128 : 64), "1,3,5,7"));
      KeyAlg f64 = KeyAlg.of(GoType.FLOAT64, layout);
      KeyAlg c64 = KeyAlg.of(GoType.parse("complex64"), layout);
      long seed = 0x1234_5678L;
      int r = 0x9abc_def1;
      long want = is64 ? 23344194077549503L * (33054211828000289L ^ seed ^ (r & 0xFFFFFFFFL))
          : ((int) 3267000013L * ((int) 2860486313L ^ (int) seed ^ r)) & 0xFFFFFFFFL;
      byte[] nan = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
          .putDouble(Double.NaN).array();
      assertThat(f64.hash(h, nan, 0, seed, () -> r)).as(provider).isEqualTo(want);
      // complex64(NaN + 0i): the real part's NaN hash, then the imaginary zero's hash over it.
      byte[] c = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
          .putFloat(Float.NaN).putFloat(0f).array();
      long wantC = h.f32hash(0f, h.f32hash(0f, seed ^ (r & 0xFFFFFFFFL)));
      assertThat(c64.hash(h, c, 0, seed, () -> r)).as(provider).isEqualTo(wantC);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"amd64", "386"})
  @DisplayName("BytesGoMaps of the vectors' key types, with the real hashes, find every key put")
  void mapsWithRealHashes(String goarch) throws IOException {
    Map<String, List<byte[]>> keys = new LinkedHashMap<>();
    for (Map<String, String> v : vectors(goarch)) {
      keys.computeIfAbsent(v.get("type"), t -> new ArrayList<>())
          .add(HexFormat.of().parseHex(v.get("key")));
    }
    for (String hash : List.of("memhash-go119", "aeshash-go119")) {
      for (Map.Entry<String, List<byte[]>> e : keys.entrySet()) {
        BytesGoMap m = GoMaps.builder().hash(hash).layout(goarch).growth("go119").seed(7)
            .keyType(GoType.parse(e.getKey())).elemType(GoType.INT32).buildBytes();
        List<byte[]> ks = e.getValue();
        for (int i = 0; i < ks.size(); i++) {
          m.put(ks.get(i), ByteBuffer.allocate(4).putInt(i).array());
        }
        assertThat(m.size()).as(e.getKey()).isBetween(1, ks.size());
        for (byte[] k : ks) {
          assertThat(m.containsKey(k)).as(e.getKey()).isTrue();
        }
        MapInternals.checkInvariants(m);
      }
    }
  }
}
