import { useState, type FormEvent } from "react";
import type { ProfileChoicesQuery } from "../gql/graphql";
import { contentLang } from "../i18n/content-locale";
import { useI18n } from "../i18n/i18n";
import { EMPTY_PROFILE, type Profile } from "./profile";

type Choice = ProfileChoicesQuery["requirements"]["edges"][number]["node"];

/**
 * The short profile: stage, exams passed (each with an optional score), what else the applicant
 * holds, graduation year and whether a visa is needed. The choices are the API's requirement
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
  const holds = (code: string) => profile.holds.includes(code);
  const toggle = (code: string) =>
    setProfile((p) => ({ ...p, holds: holds(code) ? p.holds.filter((c) => c !== code) : [...p.holds, code] }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const scores: Record<string, number> = {};
    for (const [code, text] of Object.entries(scoreText)) {
      const n = Number(text);
      if (text.trim() && Number.isInteger(n) && holds(code)) scores[code] = n;
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
            <label htmlFor={`holds-${exam.code}`} lang={contentLang()}>
              {exam.name}
            </label>
            {
              <span className="score">
                <label htmlFor={`score-${exam.code}`}>{t("profileScore", { name: exam.name })}</label>
                <input
                  id={`score-${exam.code}`}
                  type="number"
                  inputMode="numeric"
                  min={exam.scoreMin ?? undefined}
                  max={exam.scoreMax ?? undefined}
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
            }
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("profileOther")}</legend>
        {others.map((c) => (
          <div key={c.code} className="choice">
            <input type="checkbox" id={`holds-${c.code}`} checked={holds(c.code)} onChange={() => toggle(c.code)} />
            <label htmlFor={`holds-${c.code}`} lang={contentLang()}>
              {c.name}
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
          id="needs-visa"
          checked={profile.needsVisa}
          onChange={(e) => setProfile((p) => ({ ...p, needsVisa: e.target.checked }))}
        />
        <label htmlFor="needs-visa">{t("profileVisa")}</label>
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
