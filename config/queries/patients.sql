-- Cohort patients: anyone with a chest radiograph made during an ED-type
-- encounter inside the window (contracts.md 1.1), with the EHR fields that
-- feed the de-identification deny lists.
-- Parameters: the ED encounter types and chest procedure codes (lists), the
-- window start and the day after the window end (dates).
SELECT p.mrn, p.family_name, p.given_name, p.birth_date, p.sex,
       p.street, p.city, p.state, p.postal_code, p.phone, p.ssn
FROM patients p
WHERE p.mrn IN (
  SELECT s.mrn
  FROM imaging_studies s
  JOIN encounters e ON e.encounter_id = s.encounter_id
  WHERE s.procedure_code IN :cxr_procedure_codes
    AND e.encounter_type IN :ed_encounter_types
    AND s.study_time >= :window_start
    AND s.study_time < :window_end_exclusive
)
ORDER BY p.mrn
