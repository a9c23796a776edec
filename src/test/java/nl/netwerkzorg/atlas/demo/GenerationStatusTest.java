package nl.netwerkzorg.atlas.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenerationStatusTest {

    @Test
    void idleUntilStartedThenWeightedPercentageThatNeverGoesBack() {
        GenerationStatus status = new GenerationStatus();
        assertThat(status.snapshot().state()).isEqualTo(GenerationStatus.State.IDLE);
        status.update("Cliënten", 1, 2);
        assertThat(status.snapshot().percent()).as("updates before start are ignored").isZero();

        status.started(DataPreset.DEMO);
        status.update("Voorbereiden", 1, 1);
        status.update("Zorgaanbieders", 1, 1);
        assertThat(status.snapshot().percent()).isEqualTo(8);
        assertThat(status.snapshot().phaseKey()).isEqualTo("data.phase.providers");
        status.update("Netwerken", 1, 1);
        status.update("Samenwerkingen", 1, 1);
        status.update("Cliënten", 1, 2);
        assertThat(status.snapshot().percent()).isEqualTo(13 + 40);
        assertThat(status.snapshot().phaseKey()).isEqualTo("data.phase.clients");
        status.update("Cliënten", 2, 2);
        status.update("Indexen", 1, 1);
        status.update(GenerationStatus.DERIVED_PHASE, 1, 1);
        assertThat(status.snapshot().percent()).as("100 only when finished").isEqualTo(99);
        assertThat(status.snapshot().running()).isTrue();

        status.finished();
        assertThat(status.snapshot().state()).isEqualTo(GenerationStatus.State.DONE);
        assertThat(status.snapshot().percent()).isEqualTo(100);
        assertThat(status.snapshot().preset()).isEqualTo(DataPreset.DEMO);
    }

    @Test
    void aFailureKeepsItsMessage() {
        GenerationStatus status = new GenerationStatus();
        status.started(DataPreset.NATIONAL);
        status.update("Zorgaanbieders", 5, 10);
        status.failed("schijf vol");
        assertThat(status.snapshot().state()).isEqualTo(GenerationStatus.State.FAILED);
        assertThat(status.snapshot().failure()).isEqualTo("schijf vol");
        status.update("Zorgaanbieders", 10, 10);
        assertThat(status.snapshot().state()).isEqualTo(GenerationStatus.State.FAILED);
    }
}
