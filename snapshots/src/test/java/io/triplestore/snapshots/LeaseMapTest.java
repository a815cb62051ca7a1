package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing id map agrees with a HashMap under random puts and removes. */
class LeaseMapTest {

  private static Lease lease(long id) {
    Lease lease = new Lease(null, null, "l", "", "t", 0, 1, null);
    lease.id = id;
    return lease;
  }

  @Test
  void agreesWithAHashMapUnderRandomOperations() {
    Random random = new Random(42);
    LeaseMap map = new LeaseMap();
    Map<Long, Lease> model = new HashMap<>();
    List<Long> live = new ArrayList<>();
    long nextId = 1;
    for (int op = 0; op < 200_000; op++) {
      if (live.isEmpty() || random.nextInt(100) < 55) {
        Lease lease = lease(nextId++);
        map.put(lease);
        model.put(lease.id, lease);
        live.add(lease.id);
      } else {
        long id = live.remove(random.nextInt(live.size()));
        map.remove(id);
        model.remove(id);
      }
      if (op % 997 == 0) {
        long probe = 1 + random.nextInt((int) nextId);
        assertThat(map.get(probe)).isSameAs(model.get(probe));
      }
    }
    assertThat(map.size()).isEqualTo(model.size());
    for (long id = 1; id < nextId; id++) {
      assertThat(map.get(id)).isSameAs(model.get(id));
    }
  }

  @Test
  void removingAnAbsentIdChangesNothing() {
    LeaseMap map = new LeaseMap();
    map.put(lease(1));

    map.remove(2);

    assertThat(map.size()).isEqualTo(1);
    assertThat(map.get(1)).isNotNull();
  }
}
