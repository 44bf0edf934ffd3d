import { useState, type FormEvent } from "react";
import type { ProfileChoicesQuery } from "../gql/graphql";
import { Content } from "../i18n/Content";
import { useI18n } from "../i18n/i18n";
import { CountrySelect } from "./CountrySelect";
import { EMPTY_PROFILE, VISA_TYPES, type Profile } from "./profile";

type Choice = ProfileChoicesQuery["requirements"]["edges"][number]["node"];

/**
 * The short profile: stage, exams passed (each with an optional score), what else the applicant
 * holds, graduation year, completed residency, citizenships, licences, and the visa needed. The choices are the API's requirement
 * catalogue, so a new exam needs no change here.
 */
export function ProfileForm(props: { choices: Choice[]; initial: Profile | null; onSubmit: (p: Profile) => void }) {
  const { t } = useI18n();
  const [profile, setProfile] = useState<Profile>(props.initial ?? EMPTY_PROFILE);
  const [scoreText, setScoreText] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(props.initial?.scores ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const exams = props.choices.filter((c) => c.kind === "EXAM");
  const others = props.choices.filter((c) => c.kind !== "EXAM");
  // Only SCORED exams take a score (a pass/fail one, USMLE Step 1 since 2022, is held or not).
  const scored = new Set(exams.filter((c) => c.scoreKind === "SCORED").map((c) => c.code));
  const holds = (code: string) => profile.holds.includes(code);
  const toggle = (code: string) =>
    setProfile((p) => ({ ...p, holds: holds(code) ? p.holds.filter((c) => c !== code) : [...p.holds, code] }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const scores: Record<string, number> = {};
    for (const [code, text] of Object.entries(scoreText)) {
      const n = Number(text);
      if (text.trim() && Number.isFinite(n) && holds(code) && scored.has(code)) scores[code] = n;
    }
    props.onSubmit({ ...profile, scores });
  };

  return (
    <form className="profile-form" onSubmit={submit} aria-labelledby="profile-title">
      <fieldset>
        <legend>{t("profileStage")}</legend>
        {(["GRADUATE", "STUDENT"] as const).map((stage) => (
          <div key={stage} className="choice">
            <input
              type="radio"
              id={`stage-${stage}`}
              name="stage"
              value={stage}
              checked={profile.stage === stage}
              onChange={() => setProfile((p) => ({ ...p, stage }))}
            />
            <label htmlFor={`stage-${stage}`}>{t(`stage${stage}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("profileExams")}</legend>
        {exams.map((exam) => (
          <div key={exam.code} className="choice exam">
            <input
              type="checkbox"
              id={`holds-${exam.code}`}
              checked={holds(exam.code)}
              onChange={() => toggle(exam.code)}
            />
            <label htmlFor={`holds-${exam.code}`}>
              <Content locale={exam.nameLocale}>{exam.name}</Content>
            </label>
            {exam.scoreKind === "SCORED" && (
              <span className="score">
                <label htmlFor={`score-${exam.code}`}>{t("profileScore", { name: exam.name })}</label>
                <input
                  id={`score-${exam.code}`}
                  type="number"
                  inputMode="numeric"
                  min={exam.scoreMin ?? undefined}
                  max={exam.scoreMax ?? undefined}
                  step={exam.scoreStep ?? undefined}
                  disabled={!holds(exam.code)}
                  value={scoreText[exam.code] ?? ""}
                  aria-describedby={exam.scoreMax != null ? `score-hint-${exam.code}` : undefined}
                  onChange={(e) => setScoreText((s) => ({ ...s, [exam.code]: e.target.value }))}
                />
                {exam.scoreMax != null && (
                  <span id={`score-hint-${exam.code}`} className="hint">
                    {t("profileScoreHint", { min: exam.scoreMin ?? 0, max: exam.scoreMax })}
                  </span>
                )}
              </span>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("profileOther")}</legend>
        {others.map((c) => (
          <div key={c.code} className="choice">
            <input type="checkbox" id={`holds-${c.code}`} checked={holds(c.code)} onChange={() => toggle(c.code)} />
            <label htmlFor={`holds-${c.code}`}>
              <Content locale={c.nameLocale}>{c.name}</Content>
            </label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="graduation-year">{t("profileGraduationYear")}</label>
        <input
          id="graduation-year"
          type="number"
          inputMode="numeric"
          min={1950}
          max={2100}
          value={profile.graduationYear ?? ""}
          onChange={(e) =>
            setProfile((p) => ({ ...p, graduationYear: e.target.value ? Number(e.target.value) : null }))
          }
        />
      </div>
      <div className="choice">
        <input
          type="checkbox"
          id="completed-residency"
          checked={profile.completedResidency}
          onChange={(e) => setProfile((p) => ({ ...p, completedResidency: e.target.checked }))}
        />
        <label htmlFor="completed-residency">{t("profileCompletedResidency")}</label>
      </div>
      <CountrySelect
        id="citizenships"
        label={t("profileCitizenships")}
        value={profile.citizenships}
        onChange={(citizenships) => setProfile((p) => ({ ...p, citizenships }))}
      />
      <CountrySelect
        id="licensed-in"
        label={t("profileLicensedIn")}
        value={profile.licensedIn}
        onChange={(licensedIn) => setProfile((p) => ({ ...p, licensedIn }))}
      />
      <div className="field">
        <label htmlFor="visa-needed">{t("profileVisa")}</label>
        <select
          id="visa-needed"
          value={profile.visaNeeded ?? ""}
          onChange={(e) =>
            setProfile((p) => ({ ...p, visaNeeded: VISA_TYPES.find((v) => v === e.target.value) ?? null }))
          }
        >
          <option value="">{t("visaUNSAID")}</option>
          {VISA_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`visa${v}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="actions">
        <button type="submit">{t("profileCheck")}</button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setProfile(EMPTY_PROFILE);
            setScoreText({});
          }}
        >
          {t("profileReset")}
        </button>
      </p>
    </form>
  );
}
