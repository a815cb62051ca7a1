/** For observers that register snapshots they did not take: the agent's side of the registry. */
package io.triplestore.snapshots.spi;
