-- Encounters of the cohort patients that begin in the window or hold one of
-- their chest studies of the window (an ED visit may begin the evening before
-- the window opens); the earliest one is the patient's index admission, the
-- anchor of the date shift.
SELECT e.encounter_id, e.mrn, e.encounter_type, e.admit_time, e.discharge_time
FROM encounters e
WHERE e.mrn IN (
  SELECT s.mrn
  FROM imaging_studies s
  JOIN encounters ed ON ed.encounter_id = s.encounter_id
  WHERE s.procedure_code IN :cxr_procedure_codes
    AND ed.encounter_type IN :ed_encounter_types
    AND s.study_time >= :window_start
    AND s.study_time < :window_end_exclusive
)
  AND ((e.admit_time >= :window_start AND e.admit_time < :window_end_exclusive)
       OR e.encounter_id IN (
         SELECT s3.encounter_id
         FROM imaging_studies s3
         WHERE s3.procedure_code IN :cxr_procedure_codes
           AND s3.study_time >= :window_start
           AND s3.study_time < :window_end_exclusive
           AND s3.encounter_id IS NOT NULL))
ORDER BY e.mrn, e.admit_time, e.encounter_id
