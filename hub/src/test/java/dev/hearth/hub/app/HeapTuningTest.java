package dev.hearth.hub.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class HeapTuningTest {

  private final HotSpotDiagnosticMXBean vm =
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

  @Test
  void theHubGivesBackFreeHeapUnlessTheCommandLineSaidOtherwise() {
    HeapTuning.apply();

    assertThat(vm.getVMOption("MinHeapFreeRatio").getValue())
        .isEqualTo(Integer.toString(HeapTuning.MIN_HEAP_FREE_PERCENT));
    assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue())
        .isEqualTo(Integer.toString(HeapTuning.MAX_HEAP_FREE_PERCENT));

    // Once set (here by the first call, on a real hub by the command line), they are left alone.
    vm.setVMOption("MaxHeapFreeRatio", "50");
    HeapTuning.apply();
    assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("50");
  }
}
