package org.medmesh.patient.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.patient.node.FakeNode;

/** A command test on the consent fixture: a wallet enrolled at City, River Clinic on the same fake ledger. */
abstract class WithConsentFixture {
    @TempDir
    Path home;

    ConsentFixture fixture;
    Cli cli;
    FakeNode city;
    FakeNode river;

    @BeforeEach
    void startFixture() {
        fixture = new ConsentFixture(home);
        cli = fixture.cli;
        city = fixture.city;
        river = fixture.river;
    }

    @AfterEach
    void stopFixture() {
        fixture.close();
    }
}
