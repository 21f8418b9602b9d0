package org.holdspace.privacy;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.holdspace.clinical.Instrument;
import org.holdspace.clinical.MeasureStore;

import java.util.Date;
import java.util.List;

/**
 * A member's questionnaires as a FHIR R4 {@code Bundle} (type collection): a {@code Patient} with no name, only the
 * account id, and one {@code Observation} per questionnaire whose value is the total, coded with LOINC where LOINC has
 * a code (PHQ-9 total 44261-6, GAD-7 total 70274-6, and their items) and with Holdspace's own system otherwise. Pure
 * apart from the FHIR context, which is built once on first use (it takes a while) and shared.
 */
final class FhirBundle {
  static final String LOINC = "http://loinc.org";
  static final String LOCAL = "urn:holdspace:instrument";
  static final String ACCOUNT = "urn:holdspace:account";
  private static final String SURVEY = "http://terminology.hl7.org/CodeSystem/observation-category";

  private FhirBundle() {
  }

  /** The shared FHIR R4 context (thread-safe once built). */
  static FhirContext context() {
    return Holder.CONTEXT;
  }

  private static final class Holder {
    private static final FhirContext CONTEXT = FhirContext.forR4();
  }

  static Bundle of(long userId, List<MeasureStore.Measure> measures) {
    Bundle bundle = new Bundle();
    bundle.setType(Bundle.BundleType.COLLECTION);
    bundle.setTimestamp(new Date());
    Patient patient = new Patient();
    patient.setId(Long.toString(userId));
    patient.addIdentifier().setSystem(ACCOUNT).setValue(Long.toString(userId));
    bundle.addEntry().setFullUrl("urn:holdspace:patient:" + userId).setResource(patient);
    for (MeasureStore.Measure m : measures) {
      bundle.addEntry().setFullUrl("urn:holdspace:measure:" + m.id()).setResource(observation(userId, m));
    }
    return bundle;
  }

  private static Observation observation(long userId, MeasureStore.Measure m) {
    Instrument instrument = Instrument.fromWire(m.instrument()).orElse(null);
    Observation o = new Observation();
    o.setId(Long.toString(m.id()));
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addCategory(new CodeableConcept(new Coding(SURVEY, "survey", "Survey")));
    String name = instrument == null ? m.instrument() : instrument.name();
    CodeableConcept code = new CodeableConcept().setText(name + " total score");
    code.addCoding(new Coding(LOCAL, m.instrument(), name));
    if (instrument != null && instrument.loinc() != null) {
      code.addCoding(new Coding(LOINC, instrument.loinc(), name + " total score"));
    }
    o.setCode(code);
    o.setSubject(new Reference("Patient/" + userId));
    o.setEffective(new DateTimeType(m.at()));
    o.setValue(new Quantity().setValue(m.total()).setUnit("{score}").setSystem("http://unitsofmeasure.org")
        .setCode("{score}"));
    o.addInterpretation(new CodeableConcept().setText(m.severity()));
    for (int i = 0; i < m.answers().size(); i++) {
      CodeableConcept item = new CodeableConcept().setText(name + " item " + (i + 1));
      item.addCoding(new Coding(LOCAL, m.instrument() + "." + (i + 1), null));
      String loinc = instrument == null || i >= instrument.items() ? null : instrument.itemList().get(i).loinc();
      if (loinc != null) {
        item.addCoding(new Coding(LOINC, loinc, null));
      }
      o.addComponent().setCode(item).setValue(new IntegerType(m.answers().get(i)));
    }
    return o;
  }
}
