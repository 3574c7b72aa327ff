-- Every chest radiograph study of the cohort patients, whatever its encounter.
-- Studies without a time are returned too (study_time IS NULL) so that they
-- are listed as bad rows instead of vanishing from the window filter.
SELECT s.accession_number, s.mrn, s.encounter_id, s.study_instance_uid,
       s.procedure_code, s.procedure_description, s.modality, s.study_time,
       e.encounter_type
FROM imaging_studies s
LEFT JOIN encounters e ON e.encounter_id = s.encounter_id
WHERE s.procedure_code IN :cxr_procedure_codes
  AND s.mrn IN (
    SELECT s2.mrn
    FROM imaging_studies s2
    JOIN encounters ed ON ed.encounter_id = s2.encounter_id
    WHERE s2.procedure_code IN :cxr_procedure_codes
      AND ed.encounter_type IN :ed_encounter_types
      AND s2.study_time >= :window_start
      AND s2.study_time < :window_end_exclusive
  )
  AND ((s.study_time >= :window_start AND s.study_time < :window_end_exclusive)
       OR s.study_time IS NULL)
ORDER BY s.mrn, s.accession_number
