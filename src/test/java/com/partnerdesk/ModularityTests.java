package com.partnerdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featuresOnlyUseEachOthersPublicApiWithoutCycles() {
        ApplicationModules.of(PartnerDeskApplication.class).verify();
    }
}
