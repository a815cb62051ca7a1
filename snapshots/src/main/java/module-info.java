/**
 * The snapshot lease registry. Exports the API ({@code io.triplestore.snapshots}), the MXBean
 * ({@code jmx}) and the observers' SPI ({@code spi}); the JFR event classes stay internal (JFR
 * makes them visible to itself). rocksdbjni is the host's: {@code requires static}, like the
 * {@code provided} scope. The agent shades this module and drops this descriptor.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.triplestore.snapshots {
  requires static transitive rocksdbjni;
  requires java.management;
  requires java.rmi;
  requires jdk.jfr;

  exports io.triplestore.snapshots;
  exports io.triplestore.snapshots.jmx;
  exports io.triplestore.snapshots.spi;
}
