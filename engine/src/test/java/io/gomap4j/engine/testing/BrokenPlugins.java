package io.gomap4j.engine.testing;

import io.gomap4j.spi.GrowthPolicy;
import io.gomap4j.spi.HashProvider;
import io.gomap4j.spi.Hasher;
import io.gomap4j.spi.KeyMaterial;
import io.gomap4j.spi.Platform;

/** Plugins the registry must refuse, each for one reason. */
public final class BrokenPlugins {

  private BrokenPlugins() {}

  /** Built for a later SPI version. */
  public static final class FromTheFuture extends TestHashes.Mix {
    @Override
    public String name() {
      return "test-future";
    }

    @Override
    public int spiVersion() {
      return HashProvider.SPI_VERSION + 1;
    }
  }

  /** Named with a space, a comma and a slash: users could not select it. */
  public static final class OddlyNamed extends TestHashes.Mix {
    @Override
    public String name() {
      return "test mix,v1/2";
    }
  }

  /** Named null. */
  public static final class NullNamed extends TestHashes.Mix {
    @Override
    public String name() {
      return null;
    }
  }

  /** Cannot be instantiated. */
  public static final class Exploding extends TestHashes.Mix {
    public Exploding() {
      throw new IllegalStateException("boom: Exploding refuses to start");
    }
  }

  /** Cannot be instantiated, with a message of control and invisible characters. */
  public static final class Shouting extends TestHashes.Mix {
    public Shouting() {
      throw new IllegalStateException("red\u001b[31m\u202e\nline");
    }
  }

  /** Cannot tell its name. */
  public static final class Nameless implements HashProvider {
    @Override
    public String name() {
      throw new UnsupportedOperationException("no name today");
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }

    @Override
    public Hasher create(Platform platform, KeyMaterial keyMaterial) {
      throw new AssertionError("never used");
    }
  }

  /** Fails an assertion when asked its name. */
  public static final class AssertingName extends TestHashes.Mix {
    @Override
    public String name() {
      throw new AssertionError("name() is not ready");
    }
  }

  /** A growth policy with a blank name. */
  public static final class Blank implements GrowthPolicy {
    @Override
    public String name() {
      return " ";
    }

    @Override
    public int spiVersion() {
      return SPI_VERSION;
    }

    @Override
    public int initialB(long hint) {
      return 0;
    }

    @Override
    public Grow onInsert(long countAfter, int B, int noverflow) {
      return Grow.NONE;
    }

    @Override
    public int extraEvacuationsPerWrite() {
      return 1;
    }

    @Override
    public boolean countOverflow(int B, java.util.function.IntSupplier random) {
      return true;
    }
  }
}
