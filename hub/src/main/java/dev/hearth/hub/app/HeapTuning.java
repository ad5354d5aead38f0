package dev.hearth.hub.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the hub's heap give back what it does not use: with the JVM's defaults a hub holding 10,000
 * idle device sessions keeps about twice their live data committed as free heap (measured in {@code
 * bench/}, B2). The free-ratio flags are manageable, so the hub sets them itself, unless they were
 * given on the command line.
 */
public final class HeapTuning {

  /** At least this much of the heap is kept free after a collection, in percent. */
  static final int MIN_HEAP_FREE_PERCENT = 10;

  /** At most this much of the heap is kept free after a collection; the rest is given back. */
  static final int MAX_HEAP_FREE_PERCENT = 30;

  private static final Logger LOG = LoggerFactory.getLogger(HeapTuning.class);

  private HeapTuning() {}

  /** Sets the free-heap ratios where the command line left them at their defaults. */
  public static void apply() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      // Min before max: the JVM refuses a minimum above the maximum at every step.
      setIfDefault(vm, "MinHeapFreeRatio", MIN_HEAP_FREE_PERCENT);
      setIfDefault(vm, "MaxHeapFreeRatio", MAX_HEAP_FREE_PERCENT);
    } catch (RuntimeException e) {
      // Another JVM, or a flag it does not have: the hub runs as well, only with a larger heap.
      LOG.debug("heap tuning not applied: {}", e.toString());
    }
  }

  private static void setIfDefault(HotSpotDiagnosticMXBean vm, String flag, int percent) {
    if (vm.getVMOption(flag).getOrigin() == VMOption.Origin.DEFAULT) {
      vm.setVMOption(flag, Integer.toString(percent));
    }
  }
}
