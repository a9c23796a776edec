package nl.netwerkzorg.atlas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layout of STYLE.md: views talk to services only; feature packages have no cycles. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.netwerkzorg.atlas");

    @Test
    void viewsNeverTouchTheDatabaseDirectly() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.springframework.data.neo4j..")
                .because("a view talks to services, never to repositories or the driver")
                .check(classes);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("nl.netwerkzorg.atlas.(*)..").should().beFreeOfCycles().check(classes);
    }
}
