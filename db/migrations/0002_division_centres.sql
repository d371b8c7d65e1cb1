ALTER TABLE "divisions" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "divisions" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "divisions" ADD CONSTRAINT "divisions_coordinates_check" CHECK (("divisions"."latitude" is null) = ("divisions"."longitude" is null));