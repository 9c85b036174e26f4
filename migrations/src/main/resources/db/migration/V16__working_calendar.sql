-- The working-day calendar of each province (Labour Code 2019 Đ111–112, the civil-service
-- schedule decided each year): its office hours, and the days that differ from "Monday to
-- Friday are working days". Deadlines in working days or working hours (TN Đ9, Đ13.4; ND 224
-- Đ13's seven working days of notice) are counted against it.
--
-- A year is either entered (its official list is here, rows in calendar_years and
-- calendar_days) or computed by the application from the statutory holidays, lunar dates
-- included. Editing a computed year enters it first, so one list always answers for a year.
--
-- Holidays are public: everyone in any site may read every province's calendar (a visitor's
-- Q&A deadline is counted with it). Only the province's own scope may change it.
CREATE TABLE working_calendars (
  province_id      bigint PRIMARY KEY REFERENCES tenants,
  zone             text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
  morning_start    time NOT NULL DEFAULT '07:30',
  morning_end      time NOT NULL DEFAULT '11:30',
  afternoon_start  time NOT NULL DEFAULT '13:00',
  afternoon_end    time NOT NULL DEFAULT '17:00',
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (morning_start < morning_end AND morning_end <= afternoon_start AND afternoon_start < afternoon_end)
);

CREATE TABLE calendar_years (
  province_id  bigint NOT NULL REFERENCES working_calendars ON DELETE CASCADE,
  year         int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  source       text NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  entered_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, year)
);

CREATE TABLE calendar_days (
  province_id  bigint NOT NULL,
  day          date NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('HOLIDAY', 'SWAP_OFF', 'COMPENSATORY_OFF', 'MAKEUP_WORKDAY')),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  source       text CHECK (length(source) <= 500),
  updated_by   text,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (province_id, day),
  FOREIGN KEY (province_id, year) REFERENCES calendar_years ON DELETE CASCADE,
  year         int GENERATED ALWAYS AS (extract(year FROM day)::int) STORED
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['working_calendars', 'calendar_years', 'calendar_days'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY calendar_is_public ON %I FOR SELECT USING (true)', t);
    -- (SELECT …): the scope is read once per statement (V10).
    EXECUTE format('CREATE POLICY province_wall ON %I USING ((province_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE) '
                   'WITH CHECK ((province_id = ANY ((SELECT app_visible_tenants())::bigint[])) IS TRUE)', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO ${app_role}', t);
  END LOOP;
END $$;
