package com.partnerdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.Options;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    /** The diagrams linked from docs/architecture.md. */
    private static final Path COMMITTED_DIAGRAMS = Path.of("docs", "modules");

    private static final Path GENERATED_DIAGRAMS = Path.of("target", "modules");

    private final ApplicationModules modules = ApplicationModules.of(PartnerDeskApplication.class);

    @Test
    void featuresOnlyUseEachOthersPublicApiWithoutCycles() {
        modules.verify();
    }

    /**
     * The diagrams are drawn again from the code on every build and compared with the committed ones, so a new
     * dependency between modules cannot land without the picture showing it. To refresh them, copy
     * {@code target/modules/*.puml} over {@code docs/modules/}.
     */
    @Test
    void committedModuleDiagramsShowTheModulesAsTheyAre() throws IOException {
        new Documenter(modules, Options.defaults().withOutputFolder(GENERATED_DIAGRAMS.toString()))
            .writeModulesAsPlantUml()
            .writeIndividualModulesAsPlantUml();

        List<String> generated = diagramNames(GENERATED_DIAGRAMS);
        assertThat(diagramNames(COMMITTED_DIAGRAMS)).as("diagrams in %s", COMMITTED_DIAGRAMS)
            .containsExactlyElementsOf(generated);
        for (String name : generated) {
            assertThat(sortedLines(COMMITTED_DIAGRAMS.resolve(name)))
                .as("%s is out of date: copy %s over it", COMMITTED_DIAGRAMS.resolve(name),
                        GENERATED_DIAGRAMS.resolve(name))
                .isEqualTo(sortedLines(GENERATED_DIAGRAMS.resolve(name)));
        }
    }

    /** The Documenter writes a diagram's elements in no fixed order from one run to the next. */
    private static List<String> sortedLines(Path diagram) throws IOException {
        return Files.readAllLines(diagram).stream().sorted().toList();
    }

    private static List<String> diagramNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".puml")).sorted()
                .toList();
        }
    }
}
