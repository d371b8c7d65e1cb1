CREATE TABLE "division_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "division_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"division_code" varchar(12) NOT NULL,
	"change_type" text NOT NULL,
	"effective_date" date NOT NULL,
	"previous_name" text,
	"new_name" text,
	"successor_code" varchar(12),
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "division_changes_type_check" CHECK ("division_changes"."change_type" in ('established', 'renamed', 'merged', 'abolished'))
);
--> statement-breakpoint
CREATE TABLE "divisions" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"parent_code" varchar(12),
	"valid_from" date DEFAULT '1949-10-01' NOT NULL,
	"valid_to" date,
	"successor_code" varchar(12),
	CONSTRAINT "divisions_level_check" CHECK ("divisions"."level" in ('province', 'city', 'district', 'township', 'village')),
	CONSTRAINT "divisions_kind_check" CHECK ("divisions"."kind" in ('province', 'city', 'district', 'county', 'town', 'subdistrict', 'township', 'village', 'community', 'other')),
	CONSTRAINT "divisions_code_digits_check" CHECK ("divisions"."code" ~ '^[0-9]+$'),
	CONSTRAINT "divisions_validity_check" CHECK ("divisions"."valid_to" is null or "divisions"."valid_to" >= "divisions"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"division_code" varchar(12) NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"phone" text,
	"opening_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_division_name_unique" UNIQUE("division_code","name"),
	CONSTRAINT "organizations_type_check" CHECK ("organizations"."type" in ('justice_bureau', 'bureau_section', 'law_firm', 'grassroots_office', 'service_centre', 'service_station', 'service_room', 'legal_aid_centre', 'legal_aid_station', 'chamber_of_commerce', 'federation_of_industry', 'enterprise_service_centre', 'mediation_committee')),
	CONSTRAINT "organizations_status_check" CHECK ("organizations"."status" in ('active', 'suspended', 'closed')),
	CONSTRAINT "organizations_coordinates_check" CHECK (("organizations"."latitude" is null) = ("organizations"."longitude" is null))
);
--> statement-breakpoint
ALTER TABLE "division_changes" ADD CONSTRAINT "division_changes_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "division_changes" ADD CONSTRAINT "division_changes_successor_code_divisions_code_fk" FOREIGN KEY ("successor_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "divisions" ADD CONSTRAINT "divisions_parent_code_divisions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "divisions" ADD CONSTRAINT "divisions_successor_code_divisions_code_fk" FOREIGN KEY ("successor_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_division_code_divisions_code_fk" FOREIGN KEY ("division_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "division_changes_division_code_idx" ON "division_changes" USING btree ("division_code","effective_date");--> statement-breakpoint
CREATE INDEX "divisions_parent_code_idx" ON "divisions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "divisions_name_idx" ON "divisions" USING btree ("name");--> statement-breakpoint
CREATE INDEX "organizations_division_code_idx" ON "organizations" USING btree ("division_code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "organizations_type_idx" ON "organizations" USING btree ("type");--> statement-breakpoint
CREATE INDEX "organizations_parent_id_idx" ON "organizations" USING btree ("parent_id");