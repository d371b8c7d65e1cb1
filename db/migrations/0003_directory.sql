CREATE TABLE "organization_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_byte_size_check" CHECK ("stored_files"."byte_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "practitioner_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practitioner_id" uuid NOT NULL,
	"from_organization_id" uuid,
	"to_organization_id" uuid NOT NULL,
	"moved_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practitioners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"licence_type" text DEFAULT 'none' NOT NULL,
	"licence_number" text,
	"practising_since" date,
	"specialties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"biography" text DEFAULT '' NOT NULL,
	"photo_file_id" uuid,
	"phone_cipher" text,
	"phone_index" text,
	"status" text DEFAULT 'practising' NOT NULL,
	"account_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practitioners_kind_check" CHECK ("practitioners"."kind" in ('lawyer', 'grassroots_legal_worker', 'mediator', 'legal_aid_staff', 'bureau_staff')),
	CONSTRAINT "practitioners_licence_type_check" CHECK ("practitioners"."licence_type" in ('full_time_lawyer', 'part_time_lawyer', 'government_lawyer', 'company_lawyer', 'legal_aid_lawyer', 'grassroots_legal_worker', 'mediator_certificate', 'none')),
	CONSTRAINT "practitioners_status_check" CHECK ("practitioners"."status" in ('practising', 'suspended', 'left'))
);
--> statement-breakpoint
CREATE TABLE "partner_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"station_id" uuid,
	"signed_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"terms" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_agreements_term_check" CHECK ("partner_agreements"."valid_to" is null or "partner_agreements"."valid_to" >= "partner_agreements"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"linked_organization_id" uuid,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_kind_check" CHECK ("partners"."kind" in ('civilization_office', 'social_organization', 'law_firm', 'university', 'other'))
);
--> statement-breakpoint
CREATE TABLE "volunteer_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text DEFAULT '' NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"recorded_on" date NOT NULL,
	"valid_to" date,
	"hours" numeric(5, 1),
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_records_kind_check" CHECK ("volunteer_records"."kind" in ('training', 'commendation', 'reward', 'insurance', 'rights_protection'))
);
--> statement-breakpoint
CREATE TABLE "volunteer_service_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"station_id" uuid,
	"served_on" date NOT NULL,
	"hours" numeric(4, 1) NOT NULL,
	"activity" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_service_hours_hours_check" CHECK ("volunteer_service_hours"."hours" > 0 and "volunteer_service_hours"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"division_code" varchar(12) NOT NULL,
	"station_id" uuid,
	"recruited_by_partner_id" uuid,
	"phone_cipher" text,
	"phone_index" text,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"availability" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"joined_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteers_kind_check" CHECK ("volunteers"."kind" in ('graduate', 'retired_judge', 'retired_prosecutor', 'psychological_counsellor', 'lawyer', 'other')),
	CONSTRAINT "volunteers_status_check" CHECK ("volunteers"."status" in ('active', 'paused', 'left'))
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "hours_exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "services" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "directions" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "step_free" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "home_visits" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "accessibility_notes" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "status_since" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "established_on" date;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "host_kind" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "host_name" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "staff_count" integer;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "meets_standard" boolean;--> statement-breakpoint
ALTER TABLE "organization_photos" ADD CONSTRAINT "organization_photos_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_photos" ADD CONSTRAINT "organization_photos_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_moves" ADD CONSTRAINT "practitioner_moves_practitioner_id_practitioners_id_fk" FOREIGN KEY ("practitioner_id") REFERENCES "public"."practitioners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_moves" ADD CONSTRAINT "practitioner_moves_from_organization_id_organizations_id_fk" FOREIGN KEY ("from_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioner_moves" ADD CONSTRAINT "practitioner_moves_to_organization_id_organizations_id_fk" FOREIGN KEY ("to_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_photo_file_id_stored_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practitioners" ADD CONSTRAINT "practitioners_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_agreements" ADD CONSTRAINT "partner_agreements_station_id_organizations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_linked_organization_id_organizations_id_fk" FOREIGN KEY ("linked_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_records" ADD CONSTRAINT "volunteer_records_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_service_hours" ADD CONSTRAINT "volunteer_service_hours_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_service_hours" ADD CONSTRAINT "volunteer_service_hours_station_id_organizations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_station_id_organizations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_recruited_by_partner_id_partners_id_fk" FOREIGN KEY ("recruited_by_partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_photos_organization_idx" ON "organization_photos" USING btree ("organization_id","position");--> statement-breakpoint
CREATE INDEX "stored_files_sha256_idx" ON "stored_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "practitioner_moves_practitioner_idx" ON "practitioner_moves" USING btree ("practitioner_id","moved_on");--> statement-breakpoint
CREATE UNIQUE INDEX "practitioners_licence_number_unique" ON "practitioners" USING btree ("licence_number") WHERE "practitioners"."licence_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "practitioners_account_unique" ON "practitioners" USING btree ("account_id") WHERE "practitioners"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "practitioners_division_code_idx" ON "practitioners" USING btree ("division_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "practitioners_organization_idx" ON "practitioners" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "practitioners_phone_index_idx" ON "practitioners" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "partner_agreements_partner_idx" ON "partner_agreements" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partners_division_code_idx" ON "partners" USING btree ("division_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteer_records_volunteer_idx" ON "volunteer_records" USING btree ("volunteer_id","kind");--> statement-breakpoint
CREATE INDEX "volunteer_service_hours_volunteer_idx" ON "volunteer_service_hours" USING btree ("volunteer_id","served_on");--> statement-breakpoint
CREATE INDEX "volunteers_division_code_idx" ON "volunteers" USING btree ("division_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteers_station_idx" ON "volunteers" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "volunteers_phone_index_idx" ON "volunteers" USING btree ("phone_index");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_host_kind_check" CHECK ("organizations"."host_kind" is null or "organizations"."host_kind" in ('township_government', 'petitions_bureau', 'court', 'village_committee', 'community', 'industrial_park', 'trade_union', 'women_federation', 'other'));--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_staff_count_check" CHECK ("organizations"."staff_count" is null or "organizations"."staff_count" >= 0);