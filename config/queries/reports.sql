-- Reports of the cohort's chest studies.
SELECT r.accession_number, r.report_text, r.author, r.signed_time
FROM radiology_reports r
JOIN imaging_studies s ON s.accession_number = r.accession_number
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
ORDER BY r.accession_number
